-- jti values of client assertions (private_key_jwt) already used, kept until the assertion expires, so a replay
-- is refused on every node that shares the database (SMART Backend Services).
CREATE TABLE IF NOT EXISTS client_assertion_jti (
    client_id varchar(100) NOT NULL,
    jti varchar(255) NOT NULL,
    expires_at timestamp NOT NULL,
    PRIMARY KEY (client_id, jti)
);
CREATE INDEX IF NOT EXISTS client_assertion_jti_expiry ON client_assertion_jti (expires_at);
