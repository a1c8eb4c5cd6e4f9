# The system user both services run as. Shared by the tray's and the gateway's postinst
# (build-packages.sh puts it where a script says @ENSURE_TETHER_USER@); both may be installed.
ensure_tether_user() {
    if ! getent group tether >/dev/null; then
        addgroup --system --quiet tether
    fi
    if ! getent passwd tether >/dev/null; then
        adduser --system --quiet --ingroup tether --home /var/lib/tether --no-create-home \
            --shell /usr/sbin/nologin --gecos "Tether gateway and forwarder" tether
    fi
}
