"""Reports written for the confidentiality tests of the CLI and of the web app: a public report and
a confidential tip about the same clinic attack."""

PUBLIC = """Title: Gunmen kill six at Jalalabad clinic
Published: 2021-06-08
Outlet: Eastern Herald

Gunmen attacked a health clinic in Jalalabad, Nangarhar province, on Monday, killing six patients and wounding \
two nurses. The Islamic State Khorasan Province claimed responsibility for the attack.
"""
TIP = """Title: Tip from a clinic guard
Published: 2021-06-08

A guard at the clinic said gunmen attacked the health clinic in Jalalabad, Nangarhar province, on Monday, \
killing six patients. He said the Islamic State Khorasan Province carried out the attack.
"""
