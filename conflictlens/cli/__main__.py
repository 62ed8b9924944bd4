from conflictlens.cli import main

main()
