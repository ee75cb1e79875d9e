"""The one NinjaAPI. Each app contributes a Router from its own ``api.py``."""

from ninja import NinjaAPI

from fasit.buying.api import router as buying_router
from fasit.conversations.api import router as conversations_router
from fasit.core.api_utils import TeamSessionAuth
from fasit.customers.api import router as customers_router
from fasit.privacy.api import router as privacy_router
from fasit.relationships.api import router as relationships_router
from fasit.signals.api import router as signals_router

api = NinjaAPI(title="Fasit API", version="1", auth=TeamSessionAuth(), urls_namespace="api")
api.add_router("/", customers_router)
api.add_router("/conversations", conversations_router)
api.add_router("/relationships", relationships_router)
api.add_router("/buying", buying_router)
api.add_router("/signals", signals_router)
api.add_router("/privacy", privacy_router)
