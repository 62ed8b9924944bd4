"""Commands `escalation`, `forecast` and `brief`."""


def register(app) -> None:
    pass
