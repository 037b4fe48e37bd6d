"""The five steps of a mail merge, one module and one class each, coupled only by signals."""
