-- EHR launch contexts (SMART App Launch "launch" parameter): opaque, short-lived, used once.
CREATE TABLE IF NOT EXISTS smart_launch_context (
    launch_id   VARCHAR(64)  NOT NULL PRIMARY KEY,
    patient_id  VARCHAR(64)  NOT NULL,
    created_by  VARCHAR(200) NOT NULL,
    expires_at  TIMESTAMP    NOT NULL
);
