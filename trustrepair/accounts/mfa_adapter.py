from allauth.mfa.adapter import DefaultMFAAdapter

NEUTRAL_TOTP_ISSUER = "Sign-in code"


class DiscreetMFAAdapter(DefaultMFAAdapter):
    """The authenticator app shows a neutral issuer to a person who asked for one (profile)."""

    def build_totp_url(self, user, secret: str) -> str:
        self._issuer_user = user
        try:
            return super().build_totp_url(user, secret)
        finally:
            self._issuer_user = None

    def get_totp_issuer(self) -> str:
        user = getattr(self, "_issuer_user", None)
        if user is not None and getattr(user, "discreet_mfa_issuer", False):
            return NEUTRAL_TOTP_ISSUER
        return super().get_totp_issuer()
