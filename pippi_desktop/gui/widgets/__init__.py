"""Small reusable widgets (passphrase fields, caps-lock warning)."""
