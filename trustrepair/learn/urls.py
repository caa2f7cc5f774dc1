from django.urls import path

from trustrepair.learn import views

app_name = "learn"
urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:slug>/", views.topic, name="topic"),
]
