{{/*
The recording worker: recording-service as a sidecar of a Janus pod (templates/janus.yaml). It runs as the pod's user,
Janus's, so it may delete the captures Janus wrote; it binds to the pod's address (the node's internal one with
janus.hostNetwork), not to every address of the node.
*/}}
{{- define "parley.recordingWorker" -}}
{{- $r := .Values.recordings -}}
- name: recording-worker
  image: {{ include "parley.image" (dict "root" . "values" $r) }}
  imagePullPolicy: {{ .Values.image.pullPolicy }}
  ports:
    - name: recording
      containerPort: {{ $r.port }}
      protocol: TCP
    - name: management
      containerPort: {{ $r.managementPort }}
      protocol: TCP
  envFrom:
    - configMapRef:
        name: {{ include "parley.fullname" . }}-env
    - configMapRef:
        name: {{ include "parley.componentFullname" (dict "root" . "name" "recording-service") }}-env
  env:
    - name: PARLEY_POD_NAME
      valueFrom:
        fieldRef:
          fieldPath: metadata.name
    - name: SERVER_ADDRESS
      valueFrom:
        fieldRef:
          fieldPath: status.podIP
    - name: MANAGEMENT_SERVER_ADDRESS
      valueFrom:
        fieldRef:
          fieldPath: status.podIP
    {{- with include "parley.secretEnv" . }}
    {{- . | nindent 4 }}
    {{- end }}
    - name: PARLEY_POSTGRES_USER
      valueFrom:
        secretKeyRef:
          name: {{ $r.database.existingSecret }}
          key: {{ $r.database.usernameKey }}
    - name: PARLEY_POSTGRES_PASSWORD
      valueFrom:
        secretKeyRef:
          name: {{ $r.database.existingSecret }}
          key: {{ $r.database.passwordKey }}
    {{- if and (eq $r.storage.type "s3") $r.storage.s3.existingSecret }}
    - name: PARLEY_RECORDINGS_S3_ACCESSKEY
      valueFrom:
        secretKeyRef:
          name: {{ $r.storage.s3.existingSecret }}
          key: {{ $r.storage.s3.accessKeyKey }}
    - name: PARLEY_RECORDINGS_S3_SECRETKEY
      valueFrom:
        secretKeyRef:
          name: {{ $r.storage.s3.existingSecret }}
          key: {{ $r.storage.s3.secretKeyKey }}
    {{- end }}
    {{- with $r.extraEnv }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
  startupProbe:
    httpGet:
      path: /actuator/health/liveness
      port: management
    periodSeconds: 2
    failureThreshold: 60
  livenessProbe:
    httpGet:
      path: /actuator/health/liveness
      port: management
    periodSeconds: 10
    timeoutSeconds: 3
    failureThreshold: 6
  # the pod's readiness is Janus's too (signaling finds it through the headless Service): a worker that lost its
  # database must not take the SFU out of service, so only whether it runs counts
  readinessProbe:
    httpGet:
      path: /actuator/health/liveness
      port: management
    periodSeconds: 5
    timeoutSeconds: 3
    failureThreshold: 3
  resources:
    {{- toYaml $r.resources | nindent 4 }}
  securityContext:
    runAsNonRoot: true
    allowPrivilegeEscalation: false
    readOnlyRootFilesystem: true
    capabilities:
      drop:
        - ALL
  volumeMounts:
    - name: worker-tmp
      mountPath: /tmp
    - name: captures
      mountPath: {{ $r.capture.path }}
    - name: recordings
      mountPath: {{ $r.storage.path }}
    {{- if and .Values.redis.tls.enabled .Values.redis.tls.caSecret }}
    - name: redis-ca
      mountPath: /etc/parley/redis-ca
      readOnly: true
    {{- end }}
    {{- if and (hasSuffix "SSL" .Values.kafka.securityProtocol) .Values.kafka.tls.caSecret }}
    - name: kafka-ca
      mountPath: /etc/parley/kafka-ca
      readOnly: true
    {{- end }}
{{- end }}

{{/* The volume of finished recordings: the claim with local storage, the jobs' work folders with S3. */}}
{{- define "parley.recordingsVolume" -}}
{{- $r := .Values.recordings -}}
- name: recordings
  {{- if eq $r.storage.type "s3" }}
  emptyDir:
    sizeLimit: {{ $r.storage.s3.workSizeLimit }}
  {{- else }}
  persistentVolumeClaim:
    claimName: {{ include "parley.recordingsClaimName" . }}
  {{- end }}
{{- end }}

{{- define "parley.recordingsClaimName" -}}
{{- default (printf "%s-recordings" (include "parley.fullname" .)) .Values.recordings.storage.existingClaim }}
{{- end }}
