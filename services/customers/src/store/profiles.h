#pragma once

#include <optional>
#include <string>

#include "domain/customer_data.h"
#include "domain/customer_query.h"
#include "events/inbound_events.h"
#include "platform/bus/outbox_transactions.h"
#include "store/customer_rows.h"

namespace customers {

// Customer profiles, and the customer as a whole: export and erasure.
class Profiles {
 public:
  explicit Profiles(platform::bus::OutboxTransactions& transactions)
      : transactions_(transactions) {}

  std::optional<Customer> find(const std::string& id);
  // The profile, created empty first when missing and `if_missing` allows;
  // throws customer-not-found otherwise.
  Customer get(const std::string& id, IfMissing if_missing);
  Customer update(const std::string& id, const ProfileChanges& changes, IfMissing if_missing);
  Page<Customer> list(const CustomerQuery& query);

  // Everything held about the customer, read in one transaction.
  std::optional<CustomerData> export_data(const std::string& id);
  // Deletes every row about the customer, and the responses kept for its
  // Idempotency-Keys, and publishes customers.customer.deleted, all in one
  // transaction; remembers only the id, so that nothing brings it back.
  // Erasing an erased customer does nothing. Without a profile it is
  // customer-not-found unless `if_missing` is create (the customer's own
  // request: the account exists even if no profile was made yet).
  void erase(const std::string& id, IfMissing if_missing);

  // auth.user.registered: creates the profile, or completes one the customer
  // created first (the email; the name unless they set one).
  static EventEffect register_user(platform::db::Session& session,
                                   const UserRegistered& registered);

 private:
  platform::bus::OutboxTransactions& transactions_;
};

}  // namespace customers
