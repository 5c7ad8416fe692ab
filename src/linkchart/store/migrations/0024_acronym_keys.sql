-- linkchart schema 24: a short acronym with no vowel keeps all its letters in its name key ('FFS' and 'FS' were
-- folded alike, resolve/names.name_key). The kept resolver state holds keys made the old way, so the next
-- resolution is a full one, which writes them anew.

UPDATE resolver_state SET value = 0 WHERE key = 'valid';
