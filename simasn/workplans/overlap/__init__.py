"""The overlap detector of the synchronization analysis (issue 13): glossary, text, features, model."""
