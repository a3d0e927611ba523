#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/address.h"
#include "platform/bus/outbox_transactions.h"
#include "store/customer_rows.h"

namespace customers {

// A customer's addresses: at most kMaxAddresses, and at most one default
// for shipping and one for billing (making one the default clears the
// previous one in the same transaction).
class AddressBook {
 public:
  explicit AddressBook(platform::bus::OutboxTransactions& transactions)
      : transactions_(transactions) {}

  // nullopt when the customer has no profile.
  std::optional<std::vector<Address>> list(const std::string& customer_id);
  // address-not-found unless the address is this customer's.
  Address get(const std::string& customer_id, const std::string& address_id);
  // `changes` must carry every required member. 409 address-limit-reached
  // when the customer has kMaxAddresses already.
  Address add(const std::string& customer_id, const AddressChanges& changes, IfMissing if_missing);
  Address update(const std::string& customer_id, const std::string& address_id,
                 const AddressChanges& changes);
  void remove(const std::string& customer_id, const std::string& address_id);

  // Every address of the customer, oldest first.
  static std::vector<Address> all(platform::db::Session& session, const std::string& customer_id);

 private:
  platform::bus::OutboxTransactions& transactions_;
};

}  // namespace customers
