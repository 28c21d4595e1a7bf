# FactorLab start-up hook, installed as
# /usr/local/bin/before-notebook.d/50-factorlab-workspace.sh in the image.
# The base image's start.sh sources it just before it starts the server (as
# start-notebook.py or jupyterhub-singleuser). It makes ~/factorlab, the
# user's writable copy of the notebooks, unless it exists already; see
# docker/workspace.sh. A failure is reported but does not stop the server.
_factorlab_user=${NB_USER:-jovyan}
if [ "$(id -u)" = 0 ]; then
    # Started with --user root: create it as the notebook user.
    sudo -u "${_factorlab_user}" -H bash /opt/factorlab/docker/workspace.sh /opt/factorlab "/home/${_factorlab_user}/factorlab" ||
        echo "factorlab: could not create /home/${_factorlab_user}/factorlab; the notebooks are in /opt/factorlab/notebooks (read-only)" >&2
else
    bash /opt/factorlab/docker/workspace.sh /opt/factorlab "${HOME}/factorlab" ||
        echo "factorlab: could not create ${HOME}/factorlab; the notebooks are in /opt/factorlab/notebooks (read-only)" >&2
fi
unset _factorlab_user
