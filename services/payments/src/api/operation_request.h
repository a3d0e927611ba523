#pragma once

#include "platform/http/message.h"
#include "store/payments_store.h"

namespace payments {

// The Idempotency-Key every request that moves money must carry, with the
// caller and a hash of the request: what the store keys the operation by.
// Throws Error(invalid_argument) naming Idempotency-Key when it is missing
// or malformed.
OperationRequest operation_request(const platform::http::Request& request);

}  // namespace payments
