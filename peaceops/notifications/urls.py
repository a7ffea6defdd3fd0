"""The notifications inbox and requests for information, mounted at /notifications/ (namespace "notifications")."""

from peaceops.notifications import views

app_name = "notifications"

urlpatterns = views.urlpatterns
