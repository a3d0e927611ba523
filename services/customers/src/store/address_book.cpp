#include "store/address_book.h"

#include "platform/clock.h"
#include "platform/error.h"
#include "platform/ids.h"

namespace customers {

using platform::db::Session;

namespace {

constexpr std::string_view kSelectAddresses =
    "SELECT id, customer_id, label, recipient, line1, line2, city, region, postal_code, country, "
    "phone, is_default_shipping, is_default_billing, created_at, updated_at FROM addresses";

Address read_address(const platform::db::Row& row) {
  Address address;
  address.id = row.get<std::string>(0);
  address.customer_id = row.get<std::string>(1);
  address.label = row.get<std::optional<std::string>>(2);
  address.recipient = row.get<std::string>(3);
  address.line1 = row.get<std::string>(4);
  address.line2 = row.get<std::optional<std::string>>(5);
  address.city = row.get<std::string>(6);
  address.region = row.get<std::optional<std::string>>(7);
  address.postal_code = row.get<std::string>(8);
  address.country = row.get<std::string>(9);
  address.phone = row.get<std::optional<std::string>>(10);
  address.is_default_shipping = row.get<bool>(11);
  address.is_default_billing = row.get<bool>(12);
  address.created_at = row.get<std::int64_t>(13);
  address.updated_at = row.get<std::int64_t>(14);
  return address;
}

[[noreturn]] void throw_address_not_found(const std::string& address_id) {
  throw platform::not_found("address-not-found", "no address " + address_id);
}

std::optional<Address> address_of(Session& session, const std::string& customer_id,
                                  const std::string& address_id) {
  const auto result =
      session.run(std::string(kSelectAddresses) + " WHERE customer_id = $1 AND id = $2",
                  customer_id, address_id);
  if (result.empty()) return std::nullopt;
  return read_address(result.front());
}

// The address about to become a default takes the flag from the previous one
// first, so the unique indexes never see two.
void clear_other_defaults(Session& session, const Address& address, std::int64_t now) {
  if (address.is_default_shipping) {
    session.run(
        "UPDATE addresses SET is_default_shipping = FALSE, updated_at = $3 "
        "WHERE customer_id = $1 AND id <> $2 AND is_default_shipping",
        address.customer_id, address.id, now);
  }
  if (address.is_default_billing) {
    session.run(
        "UPDATE addresses SET is_default_billing = FALSE, updated_at = $3 "
        "WHERE customer_id = $1 AND id <> $2 AND is_default_billing",
        address.customer_id, address.id, now);
  }
}

}  // namespace

std::vector<Address> AddressBook::all(Session& session, const std::string& customer_id) {
  std::vector<Address> addresses;
  for (const auto& row : session.run(
           std::string(kSelectAddresses) + " WHERE customer_id = $1 ORDER BY id", customer_id)) {
    addresses.push_back(read_address(row));
  }
  return addresses;
}

std::optional<std::vector<Address>> AddressBook::list(const std::string& customer_id) {
  return transactions_.read([&](Session& session) -> std::optional<std::vector<Address>> {
    if (!find_customer(session, customer_id)) return std::nullopt;
    return all(session, customer_id);
  });
}

Address AddressBook::get(const std::string& customer_id, const std::string& address_id) {
  auto address = transactions_.read(
      [&](Session& session) { return address_of(session, customer_id, address_id); });
  if (!address) throw_address_not_found(address_id);
  return *address;
}

Address AddressBook::add(const std::string& customer_id, const AddressChanges& changes,
                         IfMissing if_missing) {
  Address address;
  address.id = platform::new_uuid_v7();
  address.customer_id = customer_id;
  apply_changes(address, changes);
  return transactions_.write([&](Session& session) {
    lock_customer(session, customer_id, if_missing);
    const auto count =
        session.run("SELECT COUNT(*) FROM addresses WHERE customer_id = $1", customer_id)
            .front()
            .get<std::int64_t>(0);
    if (count >= static_cast<std::int64_t>(kMaxAddresses)) {
      throw platform::conflict("address-limit-reached", "a customer keeps at most " +
                                                            std::to_string(kMaxAddresses) +
                                                            " addresses; delete one first");
    }
    address.created_at = address.updated_at = platform::now_unix_millis();
    clear_other_defaults(session, address, address.created_at);
    session.run(
        "INSERT INTO addresses (id, customer_id, label, recipient, line1, line2, city, region, "
        "postal_code, country, phone, is_default_shipping, is_default_billing, created_at, "
        "updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)",
        address.id, address.customer_id, address.label, address.recipient, address.line1,
        address.line2, address.city, address.region, address.postal_code, address.country,
        address.phone, address.is_default_shipping, address.is_default_billing, address.created_at,
        address.updated_at);
    return address;
  });
}

Address AddressBook::update(const std::string& customer_id, const std::string& address_id,
                            const AddressChanges& changes) {
  return transactions_.write([&](Session& session) {
    auto address = lock_existing_customer(session, customer_id)
                       ? address_of(session, customer_id, address_id)
                       : std::nullopt;
    if (!address) throw_address_not_found(address_id);
    apply_changes(*address, changes);
    address->updated_at = platform::now_unix_millis();
    clear_other_defaults(session, *address, address->updated_at);
    session.run(
        "UPDATE addresses SET label = $3, recipient = $4, line1 = $5, line2 = $6, city = $7, "
        "region = $8, postal_code = $9, country = $10, phone = $11, is_default_shipping = $12, "
        "is_default_billing = $13, updated_at = $14 WHERE customer_id = $1 AND id = $2",
        customer_id, address_id, address->label, address->recipient, address->line1, address->line2,
        address->city, address->region, address->postal_code, address->country, address->phone,
        address->is_default_shipping, address->is_default_billing, address->updated_at);
    return *address;
  });
}

void AddressBook::remove(const std::string& customer_id, const std::string& address_id) {
  const auto deleted = transactions_.write([&](Session& session) {
    return session
        .run("DELETE FROM addresses WHERE customer_id = $1 AND id = $2", customer_id, address_id)
        .affected_rows();
  });
  if (deleted == 0) throw_address_not_found(address_id);
}

}  // namespace customers
