"""The sync windows (issue 6), self-contained: each takes the `WorkspaceSession` and runs the
services on its worker; the main window opens them and shows `SyncStatusLabel`.

- `SendDialog` ("Invia all'ufficio", educator): what goes in, where, progress, the file written.
- `ImportDialog` ("Importa pacchetti", office): choose files, dry-run preview per family, then
  the result per bundle with its reason.
- `DevicesDialog` (office): registered devices, revoked, last bundle, missing bundles; revoke.
- `CardDialog`: write the office card or this device's card, fingerprint shown large.
- `CheckCardDialog` (`trust_office_dialog`, `register_device_dialog`): read a card, show its
  fingerprint large, compare it with the one read in person, then trust or register.
- `SyncStatusLabel`: changes waiting to be sent and when the last bundle left.
"""
