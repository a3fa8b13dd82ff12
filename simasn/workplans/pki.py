"""The certificate authority of SIMASN's document signatures now lives in the kernel
(simasn.core.pki), shared with the SK of personnel actions; the names stay importable here."""

from simasn.core.pki import CA_NAME, SignerFiles, ensure_ca, ensure_signer, pki_dir

__all__ = ["CA_NAME", "SignerFiles", "ensure_ca", "ensure_signer", "pki_dir"]
