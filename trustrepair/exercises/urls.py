app_name = "exercises"
urlpatterns: list = []
