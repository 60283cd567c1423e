"""Use cases: one function = one user action = one transaction (DESIGN §2).

Services take a :class:`app.db.Database` (or a Session when they are a step of
a larger action), an :class:`app.services.auth.Actor` for anything that needs
a permission, and plain arguments.  They return plain results and raise
:class:`app.errors.DomainError` subclasses with translatable messages.  No Qt
widgets here.
"""
