-- Spring Authorization Server's registered clients (JdbcRegisteredClientRepository), portable to H2 and
-- PostgreSQL: unbounded varchar instead of the shipped lengths, so inline JWKS and long origin lists fit.
CREATE TABLE IF NOT EXISTS oauth2_registered_client (
    id varchar(100) NOT NULL,
    client_id varchar(100) NOT NULL,
    client_id_issued_at timestamp DEFAULT CURRENT_TIMESTAMP NOT NULL,
    client_secret varchar(200) DEFAULT NULL,
    client_secret_expires_at timestamp DEFAULT NULL,
    client_name varchar(200) NOT NULL,
    client_authentication_methods varchar(1000) NOT NULL,
    authorization_grant_types varchar(1000) NOT NULL,
    redirect_uris varchar DEFAULT NULL,
    post_logout_redirect_uris varchar DEFAULT NULL,
    scopes varchar NOT NULL,
    client_settings varchar NOT NULL,
    token_settings varchar NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT oauth2_registered_client_client_id UNIQUE (client_id)
);
