{{/*
The six services: values key -> module name (also the Service name suffix) and the env variable its port is
read from (server.port: ${PARLEY_<MODULE>_PORT} in each application.yml).
*/}}
{{- define "parley.components" -}}
gateway:
  name: gateway
  portEnv: PARLEY_GATEWAY_PORT
signalingService:
  name: signaling-service
  portEnv: PARLEY_SIGNALING_SERVICE_PORT
meetingService:
  name: meeting-service
  portEnv: PARLEY_MEETING_SERVICE_PORT
streamLimitService:
  name: stream-limit-service
  portEnv: PARLEY_STREAM_LIMIT_SERVICE_PORT
metricsCollector:
  name: metrics-collector
  portEnv: PARLEY_METRICS_COLLECTOR_PORT
peopleService:
  name: people-service
  portEnv: PARLEY_PEOPLE_SERVICE_PORT
{{- end }}

{{- define "parley.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "parley.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/* "<fullname>-<component>", e.g. parley-meeting-service. Call with (dict "root" $ "name" "meeting-service"). */}}
{{- define "parley.componentFullname" -}}
{{- printf "%s-%s" (include "parley.fullname" .root) .name | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "parley.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "parley.labels" -}}
{{ include "parley.commonLabels" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/* Labels of every object, less the instance label (which the selector labels carry). */}}
{{- define "parley.commonLabels" -}}
helm.sh/chart: {{ include "parley.chart" . }}
app.kubernetes.io/part-of: parley
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- if .Chart.AppVersion }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
{{- end }}
{{- with .Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{/* Selector labels of one component. Call with (dict "root" $ "name" "gateway"). */}}
{{- define "parley.selectorLabels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end }}

{{/* All labels of one component. Call with (dict "root" $ "name" "gateway"). */}}
{{- define "parley.componentLabels" -}}
{{ include "parley.commonLabels" .root }}
{{ include "parley.selectorLabels" . }}
app.kubernetes.io/component: {{ .name }}
{{- end }}

{{- define "parley.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "parley.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* Image of one component. Call with (dict "root" $ "values" $componentValues). */}}
{{- define "parley.image" -}}
{{- $tag := default .root.Chart.AppVersion .root.Values.image.tag }}
{{- if .root.Values.image.registry }}
{{- printf "%s/%s:%s" (trimSuffix "/" .root.Values.image.registry) .values.image.repository $tag }}
{{- else }}
{{- printf "%s:%s" .values.image.repository $tag }}
{{- end }}
{{- end }}

{{/* In-cluster base URL of one component's Service. Call with (dict "root" $ "key" "meetingService"). */}}
{{- define "parley.serviceUrl" -}}
{{- $meta := get (include "parley.components" .root | fromYaml) .key }}
{{- $values := get .root.Values .key }}
{{- printf "http://%s:%v" (include "parley.componentFullname" (dict "root" .root "name" $meta.name)) $values.port }}
{{- end }}

{{- define "parley.tokenKeysSecretName" -}}
{{- default (printf "%s-token-keys" (include "parley.fullname" .)) .Values.meetingService.tokenKeys.existingSecret }}
{{- end }}

{{- define "parley.peopleKeysSecretName" -}}
{{- default (printf "%s-people-keys" (include "parley.fullname" .)) .Values.peopleService.tokenKeys.existingSecret }}
{{- end }}

{{- define "parley.turnSecretName" -}}
{{- default (printf "%s-turn" (include "parley.fullname" .)) .Values.coturn.existingSecret }}
{{- end }}

{{- define "parley.janusSecretName" -}}
{{- default (printf "%s-janus" (include "parley.fullname" .)) .Values.janus.existingSecret }}
{{- end }}

{{/*
The recordings API: the Service in front of the recording workers beside Janus (templates/recording-service.yaml, or
k8s/media's with janus.external).
*/}}
{{- define "parley.recordingServiceUrl" -}}
{{- printf "http://%s:%v" (include "parley.componentFullname" (dict "root" . "name" "recording-service")) .Values.recordings.port }}
{{- end }}

{{/*
Settings of the recording worker (ConfigMap "<fullname>-recording-service-env"), named as recording-service's
application.yml reads them. JAVA_TOOL_OPTIONS is here too: the containers of the Janus pod take no literal env values.
*/}}
{{- define "parley.recordingEnv" -}}
{{- $r := .Values.recordings -}}
PARLEY_RECORDING_SERVICE_PORT: {{ $r.port | quote }}
MANAGEMENT_SERVER_PORT: {{ $r.managementPort | quote }}
JAVA_TOOL_OPTIONS: {{ compact (list .Values.javaOpts $r.javaOpts "-Djava.io.tmpdir=/tmp") | join " " | quote }}
PARLEY_POSTGRES_HOST: {{ $r.database.host | quote }}
PARLEY_POSTGRES_PORT: {{ $r.database.port | quote }}
PARLEY_POSTGRES_DB: {{ $r.database.name | quote }}
PARLEY_RECORDINGS_CAPTURE_DIR: {{ $r.capture.path | quote }}
PARLEY_RECORDINGS_STORAGE_DIR: {{ $r.storage.path | quote }}
PARLEY_RECORDINGS_RETENTION: {{ $r.retention | quote }}
PARLEY_RECORDINGS_STORAGE_TYPE: {{ $r.storage.type | quote }}
{{- if eq $r.storage.type "s3" }}
{{- $s3 := $r.storage.s3 }}
{{- with $s3.endpoint }}
PARLEY_RECORDINGS_S3_ENDPOINT: {{ . | quote }}
{{- end }}
PARLEY_RECORDINGS_S3_REGION: {{ $s3.region | quote }}
PARLEY_RECORDINGS_S3_BUCKET: {{ required "recordings.storage.s3.bucket is required with recordings.storage.type s3" $s3.bucket | quote }}
PARLEY_RECORDINGS_S3_PATHSTYLEACCESS: {{ $s3.pathStyleAccess | quote }}
PARLEY_RECORDINGS_S3_PREFIX: {{ $s3.prefix | quote }}
{{- end }}
{{- end }}

{{/*
Janus instance n as signaling reaches it: the StatefulSet's pod through its headless Service,
"<fullname>-janus-<n>.<fullname>-janus". Call with (dict "root" $ "index" n).
*/}}
{{- define "parley.janusHost" -}}
{{- $janus := include "parley.componentFullname" (dict "root" .root "name" "janus") }}
{{- printf "%s-%d.%s" $janus (int .index) $janus }}
{{- end }}

{{- define "parley.kafkaJaasModule" -}}
{{- if eq .Values.kafka.sasl.mechanism "PLAIN" -}}
org.apache.kafka.common.security.plain.PlainLoginModule
{{- else -}}
org.apache.kafka.common.security.scram.ScramLoginModule
{{- end }}
{{- end }}

{{/*
Settings every service reads, as environment variables (ConfigMap "<fullname>-env"). Connection secrets are not
here: they come from Secrets, see "parley.secretEnv".
*/}}
{{- define "parley.sharedEnv" -}}
PARLEY_REDIS_HOST: {{ .Values.redis.host | quote }}
PARLEY_REDIS_PORT: {{ .Values.redis.port | quote }}
{{- with .Values.redis.username }}
SPRING_DATA_REDIS_USERNAME: {{ . | quote }}
{{- end }}
{{- if .Values.redis.tls.enabled }}
SPRING_DATA_REDIS_SSL_ENABLED: "true"
{{- if .Values.redis.tls.caSecret }}
SPRING_DATA_REDIS_SSL_BUNDLE: "redis"
SPRING_SSL_BUNDLE_PEM_REDIS_TRUSTSTORE_CERTIFICATE: "file:/etc/parley/redis-ca/{{ .Values.redis.tls.caKey }}"
{{- end }}
{{- end }}
PARLEY_KAFKA_BOOTSTRAP: {{ .Values.kafka.bootstrapServers | quote }}
PARLEY_TOKENS_JWKS_URI: {{ printf "%s/.well-known/jwks.json" (include "parley.serviceUrl" (dict "root" . "key" "meetingService")) | quote }}
PARLEY_ACCESS_TOKENS_JWKS_URI: {{ printf "%s/.well-known/jwks.json" (include "parley.serviceUrl" (dict "root" . "key" "peopleService")) | quote }}
SPRING_KAFKA_SECURITY_PROTOCOL: {{ .Values.kafka.securityProtocol | quote }}
{{- if hasPrefix "SASL_" .Values.kafka.securityProtocol }}
SPRING_KAFKA_PROPERTIES_SASL_MECHANISM: {{ .Values.kafka.sasl.mechanism | quote }}
{{- end }}
{{- if and (hasSuffix "SSL" .Values.kafka.securityProtocol) .Values.kafka.tls.caSecret }}
SPRING_KAFKA_PROPERTIES_SSL_TRUSTSTORE_TYPE: "PEM"
SPRING_KAFKA_PROPERTIES_SSL_TRUSTSTORE_LOCATION: "/etc/parley/kafka-ca/{{ .Values.kafka.tls.caKey }}"
{{- end }}
{{- with .Values.logging.format }}
LOGGING_STRUCTURED_FORMAT_CONSOLE: {{ . | quote }}
{{- end }}
LOGGING_LEVEL_ROOT: {{ .Values.logging.level | quote }}
LOGGING_LEVEL_IO_PARLEY: {{ .Values.logging.parleyLevel | quote }}
{{- end }}

{{/* Settings of one component (ConfigMap "<fullname>-<component>-env"). Call with (dict "root" $ "key" $key). */}}
{{- define "parley.componentEnv" -}}
{{- $root := .root }}
{{- $v := get $root.Values .key }}
{{- $meta := get (include "parley.components" $root | fromYaml) .key }}
{{ $meta.portEnv }}: {{ $v.port | quote }}
{{- if eq .key "gateway" }}
PARLEY_MEETING_URIS: {{ include "parley.serviceUrl" (dict "root" $root "key" "meetingService") | quote }}
PARLEY_SIGNALING_URIS: {{ include "parley.serviceUrl" (dict "root" $root "key" "signalingService") | quote }}
PARLEY_STREAM_LIMIT_URIS: {{ include "parley.serviceUrl" (dict "root" $root "key" "streamLimitService") | quote }}
PARLEY_METRICS_COLLECTOR_URIS: {{ include "parley.serviceUrl" (dict "root" $root "key" "metricsCollector") | quote }}
PARLEY_PEOPLE_URIS: {{ include "parley.serviceUrl" (dict "root" $root "key" "peopleService") | quote }}
{{- /* set even without Janus: no worker answers there then, and the gateway answers 503 problems for recordings */}}
PARLEY_RECORDING_URIS: {{ include "parley.recordingServiceUrl" $root | quote }}
PARLEY_GATEWAY_RATELIMIT_ENABLED: {{ $v.rateLimit.enabled | quote }}
PARLEY_GATEWAY_RATELIMIT_REPLENISHPERSECOND: {{ $v.rateLimit.replenishPerSecond | quote }}
PARLEY_GATEWAY_RATELIMIT_BURSTCAPACITY: {{ $v.rateLimit.burstCapacity | quote }}
PARLEY_GATEWAY_RATELIMIT_TRUSTEDPROXIES: {{ $v.rateLimit.trustedProxies | quote }}
PARLEY_GATEWAY_RESILIENCE_TIMEOUT: {{ $v.timeout | quote }}
PARLEY_GATEWAY_MAXREQUESTSIZE: {{ $v.maxRequestSize | quote }}
{{- with $v.corsAllowedOrigins }}
PARLEY_GATEWAY_CORS_ALLOWEDORIGINS: {{ join "," . | quote }}
{{- end }}
{{- /* the public URL's origin may open sockets even where the proxy in front does not keep the browser's Host */}}
{{- $socketOrigins := $v.websocketAllowedOrigins }}
{{- with include "parley.publicUrl" $root }}
{{- $socketOrigins = append $socketOrigins (regexFind "^https?://[^/]+" .) }}
{{- end }}
{{- with $socketOrigins }}
PARLEY_GATEWAY_WEBSOCKET_ALLOWEDORIGINS: {{ join "," . | quote }}
{{- end }}
{{- end }}
{{- if eq .key "signalingService" }}
PARLEY_SIGNALING_MEETINGSERVICEURI: {{ include "parley.serviceUrl" (dict "root" $root "key" "meetingService") | quote }}
PARLEY_SIGNALING_LEASES_STREAMLIMITURI: {{ include "parley.serviceUrl" (dict "root" $root "key" "streamLimitService") | quote }}
PARLEY_SIGNALING_USERS_PEOPLESERVICEURI: {{ include "parley.serviceUrl" (dict "root" $root "key" "peopleService") | quote }}
{{- if $root.Values.janus.enabled }}
{{- $ports := $root.Values.janus.ports }}
{{- range $i := until (int $root.Values.janus.replicaCount) }}
{{- $host := include "parley.janusHost" (dict "root" $root "index" $i) }}
PARLEY_SIGNALING_SFU_INSTANCES_{{ $i }}_API: {{ printf "http://%s:%v/janus" $host $ports.api | quote }}
PARLEY_SIGNALING_SFU_INSTANCES_{{ $i }}_ADMIN: {{ printf "http://%s:%v/admin" $host $ports.admin | quote }}
PARLEY_SIGNALING_SFU_INSTANCES_{{ $i }}_WEBSOCKET: {{ printf "ws://%s:%v" $host $ports.websocket | quote }}
PARLEY_SIGNALING_SFU_INSTANCES_{{ $i }}_RECORDINGSDIR: {{ $root.Values.recordings.capture.path | quote }}
{{- end }}
{{- end }}
{{- if $root.Values.coturn.enabled }}
PARLEY_TURN_URIS: {{ printf "turn:%s:%v?transport=udp,turn:%s:%v?transport=tcp" $root.Values.coturn.publicHost $root.Values.coturn.port $root.Values.coturn.publicHost $root.Values.coturn.port | quote }}
{{- end }}
{{- end }}
{{- if eq .key "meetingService" }}
PARLEY_TOKEN_KEYS_DIR: "/etc/parley/token-keys"
{{- with include "parley.publicUrl" $root }}
PARLEY_MEETINGS_PUBLIC_URL: {{ . | quote }}
{{- end }}
{{- end }}
{{- if eq .key "streamLimitService" }}
PARLEY_STREAMS_SEED_API_ENABLED: {{ $v.seedApi.enabled | quote }}
{{- end }}
{{- if eq .key "metricsCollector" }}
PARLEY_QUALITY_RETENTION: {{ $v.retention | quote }}
PARLEY_POSTGRES_HOST: {{ $v.database.host | quote }}
PARLEY_POSTGRES_PORT: {{ $v.database.port | quote }}
PARLEY_POSTGRES_DB: {{ $v.database.name | quote }}
{{- end }}
{{- if eq .key "peopleService" }}
PARLEY_PEOPLE_KEYS_DIR: "/etc/parley/people-keys"
PARLEY_PEOPLE_SIGN_UP: {{ $v.signUp | quote }}
PARLEY_POSTGRES_HOST: {{ $v.database.host | quote }}
PARLEY_POSTGRES_PORT: {{ $v.database.port | quote }}
PARLEY_POSTGRES_DB: {{ $v.database.name | quote }}
PARLEY_PEOPLE_CALLS_MEETINGSERVICEURI: {{ include "parley.serviceUrl" (dict "root" $root "key" "meetingService") | quote }}
{{- /* set even without Janus: no worker answers there then, and exports answer 503 problems */}}
PARLEY_PEOPLE_EXPORT_RECORDINGSURL: {{ include "parley.recordingServiceUrl" $root | quote }}
{{- with include "parley.publicUrl" $root }}
PARLEY_PEOPLE_OIDC_REDIRECT_BASE_URI: {{ . | quote }}
{{- end }}
{{- end }}
{{- end }}

{{/* env entries that come from Secrets (passwords); Kafka's JAAS line references the password by $(VAR). */}}
{{- define "parley.secretEnv" -}}
{{- if .Values.redis.existingSecret }}
- name: SPRING_DATA_REDIS_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ .Values.redis.existingSecret }}
      key: {{ .Values.redis.passwordKey }}
{{- end }}
{{- if and (hasPrefix "SASL_" .Values.kafka.securityProtocol) .Values.kafka.sasl.existingSecret }}
- name: PARLEY_KAFKA_SASL_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ .Values.kafka.sasl.existingSecret }}
      key: {{ .Values.kafka.sasl.passwordKey }}
- name: SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG
  value: {{ printf "%s required username=\"%s\" password=\"$(PARLEY_KAFKA_SASL_PASSWORD)\";" (include "parley.kafkaJaasModule" .) .Values.kafka.sasl.username | quote }}
{{- end }}
{{- end }}

{{/*
Where people open Parley: .Values.publicUrl, else the Ingress host (https when its TLS is on), else empty. Join links
and the OpenID Connect callback are built from it, since the gateway does not pass the browser's Host on.
*/}}
{{- define "parley.publicUrl" -}}
{{- if .Values.publicUrl -}}
{{- trimSuffix "/" .Values.publicUrl -}}
{{- else if and .Values.ingress.enabled .Values.ingress.host -}}
{{- printf "%s://%s" (ternary "https" "http" .Values.ingress.tls.enabled) .Values.ingress.host -}}
{{- end -}}
{{- end }}
