package io.parley.recording.storage;

/**
 * The object keys of recordings in a bucket: {@code <prefix><recordingId>/<file>}, so one
 * listing of {@code <prefix><recordingId>/} finds every file of a recording.
 */
record ObjectKeys(String prefix) {

    String of(String recordingId, String file) {
        return folder(recordingId) + file;
    }

    String composed(String recordingId) {
        return of(recordingId, recordingId + ".webm");
    }

    String folder(String recordingId) {
        return prefix + recordingId + "/";
    }

    /** What a browser or a download tool should take the object for. */
    static String contentType(String file) {
        if (file.endsWith(".webm")) {
            return "video/webm";
        }
        if (file.endsWith(".opus")) {
            return "audio/ogg";
        }
        return "application/octet-stream";
    }

}
