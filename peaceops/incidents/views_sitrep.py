"""Pages of the incidents module (filled in by its own part)."""

urlpatterns: list = []
