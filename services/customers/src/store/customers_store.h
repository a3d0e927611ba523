#pragma once

#include <functional>

#include "platform/bus/outbox_transactions.h"
#include "platform/db/database.h"
#include "store/address_book.h"
#include "store/order_history.h"
#include "store/profiles.h"
#include "store/recently_viewed.h"
#include "store/wishlist.h"

namespace customers {

// Everything the customers service keeps, behind SQL that runs unchanged on
// PostgreSQL and SQLite, one part per kind of data. Writes that cause events
// append them to the outbox in the same transaction, then call `committed`.
class CustomersStore {
 public:
  CustomersStore(platform::db::Database& database,
                 platform::bus::OutboxTransactions::Committed committed)
      : transactions_(database, std::move(committed)),
        profiles_(transactions_),
        addresses_(transactions_),
        wishlist_(transactions_),
        recently_viewed_(transactions_),
        orders_(transactions_) {}
  CustomersStore(const CustomersStore&) = delete;
  CustomersStore& operator=(const CustomersStore&) = delete;

  Profiles& profiles() { return profiles_; }
  AddressBook& addresses() { return addresses_; }
  Wishlist& wishlist() { return wishlist_; }
  RecentlyViewed& recently_viewed() { return recently_viewed_; }
  OrderHistory& orders() { return orders_; }

 private:
  platform::bus::OutboxTransactions transactions_;
  Profiles profiles_;
  AddressBook addresses_;
  Wishlist wishlist_;
  RecentlyViewed recently_viewed_;
  OrderHistory orders_;
};

}  // namespace customers
