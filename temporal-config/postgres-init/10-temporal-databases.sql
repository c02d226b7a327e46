-- Run once by the postgres image on an empty data volume (docker-entrypoint-initdb.d), as POSTGRES_USER,
-- after it created the app's database (POSTGRES_DB). Temporal keeps its state in two databases of its
-- own in the same server; the temporal-admin-tools job then creates their schemas.
CREATE DATABASE temporal;
CREATE DATABASE temporal_visibility;
