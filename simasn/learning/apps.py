from django.apps import AppConfig


class LearningConfig(AppConfig):
    name = "simasn.learning"
    label = "learning"
    verbose_name = "Pengembangan kompetensi"
