"""Template context every page of the shell needs: the scope switcher and the navigation."""

from peaceops.web import scope


def shell(request):
    if not getattr(request, "user", None) or not request.user.is_authenticated:
        return {}
    return {"shell": scope.shell_context(request)}
