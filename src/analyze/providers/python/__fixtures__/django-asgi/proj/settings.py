ASGI_APPLICATION = "proj.asgi.application"
DATABASES = {"default": {"ENGINE": "django.db.backends.postgresql", "NAME": "proj"}}
