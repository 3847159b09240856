-- People who sign in to the authorization server (SMART App Launch): see docs/security.md "Users".
CREATE TABLE IF NOT EXISTS workwell_user (
    username       VARCHAR(100) NOT NULL PRIMARY KEY,
    password_hash  VARCHAR(500) NOT NULL,
    workwell_role  VARCHAR(20)  NOT NULL,
    fhir_user      VARCHAR(200),
    enabled        BOOLEAN      NOT NULL,
    created_at     TIMESTAMP    NOT NULL
);
