from django.urls import path

from trustrepair.core import views

app_name = "core"
urlpatterns = [
    path("", views.home, name="home"),
    path("styleguide/", views.styleguide, name="styleguide"),
    path("terms/", views.terms, name="terms"),
    path("leave/", views.quick_exit, name="quick_exit"),
    path("privacy/", views.privacy_notice, name="privacy"),
    path("account/data/", views.my_data, name="my_data"),
    path("account/data/export/", views.export_download, name="export"),
    path("account/data/copy/", views.printable_copy, name="data_copy"),
    path("account/data/tables/<slug:slug>.csv", views.table_download, name="data_table"),
    path("account/data/questionnaires.json", views.questionnaires_fhir, name="data_fhir"),
    path("account/erase/", views.erase_account, name="erase"),
    path("account/erased/", views.erased, name="erased"),
]
