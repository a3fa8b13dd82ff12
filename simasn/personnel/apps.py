from django.apps import AppConfig


class PersonnelConfig(AppConfig):
    name = "simasn.personnel"
    label = "personnel"
    verbose_name = "Pegawai ASN"

    def ready(self) -> None:
        # Nobody in service is left in an archived instansi, unit or position (simasn.core.archiving).
        from simasn.core.archiving import register_archive_guard

        for label, guard in (("organization.Instansi", "instansi_has_employees"),
                             ("organization.Unit", "unit_has_employees"),
                             ("positions.Position", "position_is_held")):
            register_archive_guard(label, f"simasn.personnel.archive_guards.{guard}")
