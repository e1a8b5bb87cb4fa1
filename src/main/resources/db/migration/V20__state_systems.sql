-- State systems (issue 5): the embedded stand-ins for the individuals and legal-entities registries,
-- the notary registry, the payment gateway's notifications and the e-licensing register.
-- Plain SQL that runs on H2 and PostgreSQL alike.

-- Individuals registry (ГБД ФЛ): a person by IIN.
CREATE TABLE registry_person (
  iin          CHAR(12)     NOT NULL PRIMARY KEY,
  surname      VARCHAR(100) NOT NULL,
  given_name   VARCHAR(100) NOT NULL,
  patronymic   VARCHAR(100),
  birth_date   DATE         NOT NULL,
  address      VARCHAR(300),
  deceased     BOOLEAN      DEFAULT FALSE NOT NULL,
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Legal-entities registry (ГБД ЮЛ): an organisation by BIN.
CREATE TABLE registry_company (
  bin           CHAR(12)     NOT NULL PRIMARY KEY,
  name          VARCHAR(300) NOT NULL,
  legal_form    VARCHAR(50)  NOT NULL,
  registered_on DATE         NOT NULL,
  head_iin      CHAR(12),
  address       VARCHAR(300),
  active        BOOLEAN      DEFAULT TRUE NOT NULL,
  created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Notary registry (ЕНИС): notarised powers of attorney.
CREATE TABLE registry_power_of_attorney (
  poa_number     VARCHAR(40)  NOT NULL PRIMARY KEY,
  principal_id   CHAR(12)     NOT NULL,
  attorney_iin   CHAR(12)     NOT NULL,
  notary         VARCHAR(200) NOT NULL,
  issued_on      DATE         NOT NULL,
  valid_until    DATE         NOT NULL,
  powers         VARCHAR(500),
  revoked        BOOLEAN      DEFAULT FALSE NOT NULL,
  created_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_poa_principal ON registry_power_of_attorney (principal_id);

-- Payment gateway (ПШЭП) notifications, idempotent by the gateway's payment id.
CREATE TABLE payment (
  payment_id            VARCHAR(64)   NOT NULL PRIMARY KEY,
  payer_id              CHAR(12)      NOT NULL,
  amount_kzt            NUMERIC(15,2) NOT NULL,
  service               VARCHAR(80)   NOT NULL,
  application_reference VARCHAR(64)   NOT NULL,
  paid_at               TIMESTAMP WITH TIME ZONE NOT NULL,
  received_at           TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_payment_reference ON payment (application_reference);

-- E-licensing register: one counter row per series (provider) and year; the row lock taken by
-- UPDATE ... SET next_value = next_value + 1 serialises concurrent registrations.
CREATE TABLE licensing_counter (
  series        VARCHAR(40) NOT NULL,
  counter_year  INTEGER     NOT NULL,
  next_value    BIGINT      NOT NULL,
  PRIMARY KEY (series, counter_year)
);

CREATE TABLE licensing_application (
  application_number VARCHAR(40)  NOT NULL PRIMARY KEY,
  provider           VARCHAR(40)  NOT NULL,
  registered_year    INTEGER      NOT NULL,
  sequence_number    BIGINT       NOT NULL,
  reference          VARCHAR(64)  NOT NULL,
  applicant_id       CHAR(12)     NOT NULL,
  service            VARCHAR(80)  NOT NULL,
  request_kind       VARCHAR(20)  NOT NULL,
  registered_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT uq_application_sequence UNIQUE (provider, registered_year, sequence_number),
  CONSTRAINT uq_application_reference UNIQUE (reference)
);

CREATE TABLE licensing_licence (
  licence_number      VARCHAR(40)  NOT NULL PRIMARY KEY,
  holder_id           CHAR(12)     NOT NULL,
  holder_name         VARCHAR(300) NOT NULL,
  activity            VARCHAR(300) NOT NULL,
  provider            VARCHAR(40)  NOT NULL,
  status              VARCHAR(20)  NOT NULL,
  issued_on           DATE         NOT NULL,
  status_changed_on   DATE,
  version_number      INTEGER      NOT NULL,
  previous_number     VARCHAR(40),
  application_number  VARCHAR(40),
  CONSTRAINT ck_licence_status CHECK (status IN ('ACTIVE', 'REISSUED', 'REVOKED'))
);
CREATE INDEX ix_licence_holder ON licensing_licence (holder_id);
