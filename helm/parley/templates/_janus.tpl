{{/*
Janus's configuration folder as ConfigMap data. The files are templates: prepare.sh (the pod's init container)
fills in @API_SECRET@, @ADMIN_SECRET@ and @EVENTS_PASSWORD@ from the Secret and @POD_IP@ / @POD_NAME@ from the pod,
and writes the result to an in-memory volume, so no secret is ever in the ConfigMap. k8s/media/janus/configmap.yaml holds the same
files as rendered with the defaults (a deploy-test compares them).
*/}}
{{- define "parley.janusConfig" -}}
{{- $j := .Values.janus -}}
prepare.sh: |
  #!/bin/sh
  # Writes Janus's configuration folder (/run/janus, in memory) from the templates in /etc/janus-template. Janus
  # loads every library in its folders, so only the VideoRoom plugin, the HTTP and WebSocket transports and (with
  # janus.events.enabled and a password) the sample event handler are linked there.
  set -eu
  template=/etc/janus-template
  run=/run/janus
  for secret in "$JANUS_API_SECRET" "$JANUS_ADMIN_SECRET"; do
    case "$secret" in
      "" | *[!A-Za-z0-9._~+/=-]*)
        echo "The Janus API and admin secrets must be non-empty and use only letters, digits and ._~+/=-" >&2
        exit 1 ;;
    esac
  done
  lib=""
  for dir in /usr/lib/*/janus /usr/lib/janus /usr/local/lib/janus; do
    if [ -f "$dir/plugins/libjanus_videoroom.so" ]; then
      lib=$dir
      break
    fi
  done
  if [ -z "$lib" ]; then
    echo "No Janus libraries (plugins/libjanus_videoroom.so) under /usr/lib/*/janus, /usr/lib/janus or" \
      "/usr/local/lib/janus: the image needs Debian's janus package" >&2
    exit 1
  fi
  mkdir -p "$run/conf" "$run/plugins" "$run/transports" "$run/events" "$run/loggers"
  ln -sf "$lib/plugins/libjanus_videoroom.so" "$run/plugins/"
  ln -sf "$lib/transports/libjanus_http.so" "$lib/transports/libjanus_websockets.so" "$run/transports/"
  {{- if $j.events.enabled }}
  # the event handler posts to metrics-collector, only with a password (a Secret without one leaves it out)
  case "${JANUS_EVENTS_PASSWORD:-}" in
    "") ;;
    *[!A-Za-z0-9._~+/=-]*)
      echo "The Janus events password must use only letters, digits and ._~+/=-" >&2
      exit 1 ;;
    *) ln -sf "$lib/events/libjanus_sampleevh.so" "$run/events/" ;;
  esac
  {{- end }}
  umask 077
  for file in "$template"/*.jcfg; do
    sed -e "s|@POD_IP@|$POD_IP|g" -e "s|@POD_NAME@|$POD_NAME|g" \
      -e "s|@API_SECRET@|$JANUS_API_SECRET|g" -e "s|@ADMIN_SECRET@|$JANUS_ADMIN_SECRET|g" \
      -e "s|@EVENTS_PASSWORD@|${JANUS_EVENTS_PASSWORD:-}|g" "$file" > "$run/conf/${file##*/}"
  done
janus.jcfg: |
  general: {
      configs_folder = "/run/janus/conf"
      plugins_folder = "/run/janus/plugins"
      transports_folder = "/run/janus/transports"
      events_folder = "/run/janus/events"
      loggers_folder = "/run/janus/loggers"
      log_to_stdout = true
      debug_level = {{ $j.debugLevel }}
      server_name = "@POD_NAME@"
      api_secret = "@API_SECRET@"
      admin_secret = "@ADMIN_SECRET@"
      session_timeout = 60
      protected_folders = ["/bin", "/boot", "/dev", "/etc", "/lib", "/proc", "/sbin", "/sys", "/usr"]
  }
  media: {
      rtp_port_range = "{{ $j.rtpPortRange }}"
  }
  nat: {
      # candidates on the pod's address only: on the node's network Janus would offer every bridge and tunnel too
      ice_enforce_list = "@POD_IP@"
      ignore_mdns = true
      {{- with $j.nat.stunServer }}
      stun_server = "{{ . }}"
      stun_port = {{ $j.nat.stunPort }}
      {{- end }}
      {{- with $j.nat.oneToOneMapping }}
      nat_1_1_mapping = "{{ . }}"
      keep_private_host = {{ $j.nat.keepPrivateHost }}
      {{- end }}
  }
  events: {
      {{- if $j.events.enabled }}
      # one statistics event per handle and period, its streams in an array
      broadcast = true
      combine_media_stats = true
      stats_period = {{ $j.events.statsPeriod }}
      {{- else }}
      broadcast = false
      {{- end }}
  }
{{- if $j.events.enabled }}
janus.eventhandler.sampleevh.jcfg: |
  general: {
      enabled = true
      events = "handles,media"
      grouping = true
      json = "compact"
      backend = "{{ include "parley.serviceUrl" (dict "root" . "key" "metricsCollector") }}/internal/janus-events"
      backend_user = "janus"
      backend_pwd = "@EVENTS_PASSWORD@"
      max_retransmissions = 3
      retransmissions_backoff = 100
  }
{{- end }}
janus.transport.http.jcfg: |
  general: {
      json = "plain"
      base_path = "/janus"
      http = true
      port = {{ $j.ports.api }}
      ip = "@POD_IP@"
      https = false
  }
  admin: {
      admin_base_path = "/admin"
      admin_http = true
      admin_port = {{ $j.ports.admin }}
      admin_ip = "@POD_IP@"
      admin_https = false
  }
janus.transport.websockets.jcfg: |
  general: {
      json = "plain"
      ws = true
      ws_port = {{ $j.ports.websocket }}
      ws_ip = "@POD_IP@"
      wss = false
  }
  admin: {
      admin_ws = false
      admin_wss = false
  }
janus.plugin.videoroom.jcfg: |
  general: {
  }
{{- end }}
