package id.rakorbot.roster;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The {@code roster_binding} and {@code roster_invite} tables: accounts bound without a user_id, and invite links. */
@RegisterConstructorMapper(BindingDao.Binding.class)
@RegisterConstructorMapper(BindingDao.Invite.class)
interface BindingDao {

  record Binding(String personKey, long userId, String via, Instant boundAt) {}

  record Invite(String personKey, Instant expiresAt, Instant usedAt, Long usedBy) {}

  @SqlQuery("SELECT person_key, user_id, via, bound_at FROM roster_binding")
  List<Binding> all();

  @SqlQuery("SELECT person_key, user_id, via, bound_at FROM roster_binding WHERE person_key = :key FOR UPDATE")
  Optional<Binding> ofPerson(String key);

  @SqlQuery("SELECT person_key, user_id, via, bound_at FROM roster_binding WHERE user_id = :userId")
  Optional<Binding> ofUser(long userId);

  @SqlUpdate("DELETE FROM roster_binding WHERE person_key = :key")
  void unbind(String key);

  @SqlUpdate("INSERT INTO roster_binding (person_key, user_id, via, bound_at) VALUES (:key, :userId, :via, :at)")
  void bind(String key, long userId, String via, Instant at);

  /** Forgets the accounts of people no longer on the roster; returns how many. */
  @SqlUpdate("DELETE FROM roster_binding WHERE person_key NOT IN (<keys>)")
  int keepOnly(@BindList(value = "keys", onEmpty = BindList.EmptyHandling.NULL_STRING) List<String> keys);

  @SqlUpdate("DELETE FROM roster_binding")
  int unbindAll();

  @SqlUpdate("INSERT INTO roster_invite (token_hash, person_key, created_at, expires_at) VALUES (:hash, :key, :at, :expires)")
  void invite(byte[] hash, String key, Instant at, Instant expires);

  @SqlQuery("SELECT person_key, expires_at, used_at, used_by FROM roster_invite WHERE token_hash = :hash FOR UPDATE")
  Optional<Invite> invite(byte[] hash);

  @SqlUpdate("UPDATE roster_invite SET used_at = :at, used_by = :userId WHERE token_hash = :hash")
  void used(byte[] hash, long userId, Instant at);
}
