"""Web pages of performance management (Indonesian paths under /kinerja/)."""
