"""The SecureMailMerge desktop app (PySide6): a thin front end over the ``securemailmerge`` engine."""
