"""The built-in Microsoft 365 sandbox: sign-in authority, Graph emulator and license endpoint on loopback."""
