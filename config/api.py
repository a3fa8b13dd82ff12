"""The REST API under /api/v1/ (OpenAPI at /api/v1/openapi.json, docs at /api/v1/docs)."""

from ninja import NinjaAPI

from simasn.web.api import AUTH, ObjectBodyParser, install_error_handlers

api = NinjaAPI(
    title="SIMASN API",
    version="1",
    description="Sistem Informasi Manajemen ASN — UU 20/2023. All 4xx responses share one error shape.",
    auth=AUTH,
    urls_namespace="api-v1",
    parser=ObjectBodyParser(),
)
install_error_handlers(api)

# Each app contributes a router; the order here is the order in the docs.
from simasn.actions.api import router as actions_router  # noqa: E402
from simasn.discipline.api import router as discipline_router  # noqa: E402
from simasn.disputes.api import router as disputes_router  # noqa: E402
from simasn.lawdata.api import router as lawdata_router  # noqa: E402
from simasn.learning.api import router as learning_router  # noqa: E402
from simasn.organization.api import router as organization_router  # noqa: E402
from simasn.performance.api import router as performance_router  # noqa: E402
from simasn.personnel.api import router as personnel_router  # noqa: E402
from simasn.planning.api import router as planning_router  # noqa: E402
from simasn.positions.api import router as positions_router  # noqa: E402
from simasn.procurement.api import router as procurement_router  # noqa: E402
from simasn.rewards.api import router as rewards_router  # noqa: E402
from simasn.talent.api import router as talent_router  # noqa: E402
from simasn.workplans.api import router as workplans_router  # noqa: E402

api.add_router("/", organization_router)
api.add_router("/", positions_router)
api.add_router("/", personnel_router)
api.add_router("/", actions_router)
api.add_router("/", lawdata_router)
api.add_router("/", workplans_router)
api.add_router("/", planning_router)
api.add_router("/", procurement_router)
api.add_router("/", performance_router)
api.add_router("/", learning_router)
api.add_router("/", talent_router)
api.add_router("/", discipline_router)
api.add_router("/", disputes_router)
api.add_router("/", rewards_router)
