"""Names shared by the work-plan models (string references: the models never import the
organization or accounts apps' model classes)."""

from django.conf import settings

INSTITUTION = "organization.NationalInstitution"
USER = settings.AUTH_USER_MODEL
