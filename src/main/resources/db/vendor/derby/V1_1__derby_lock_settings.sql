-- Derby-only settings, stored in the database so that every way of running steerflow gets them.
-- A lock wait that lasts longer than this is a conflict the client should hear about (409), not a hang:
-- 20 s instead of Derby's 60 s. Deadlocks are looked for after 10 s of waiting instead of 20 s.
CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY('derby.locks.waitTimeout', '20');
CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY('derby.locks.deadlockTimeout', '10');
