#include "index/signal_source.h"

#include <algorithm>

namespace search {

SignalSource::SignalSource(std::shared_ptr<const ProductColumns> columns, double popularity,
                           double in_stock)
    : columns_(std::move(columns)), popularity_(popularity), in_stock_(in_stock) {}

void SignalSource::init(const Xapian::Database& database) {
  document_ = 0;
  last_ = database.get_lastdocid();
  documents_ = database.get_doccount();
  largest_ = columns_->largest_popularity();
  popularity_scale_ = largest_ > 0 ? popularity_ / largest_ : 0;
  set_maxweight((largest_ > 0 ? popularity_ : 0) + in_stock_);
}

void SignalSource::next(double) { ++document_; }

void SignalSource::skip_to(Xapian::docid document, double) {
  if (document > document_) document_ = document;
}

bool SignalSource::check(Xapian::docid document, double) {
  document_ = document;
  return true;
}

bool SignalSource::at_end() const { return document_ > last_; }

double SignalSource::get_weight() const {
  const auto row = columns_->row(document_);
  // A product written since init() may be more popular than the largest
  // then: never above the maximum promised to the matcher.
  return std::min(popularity_scale_ * row.popularity, largest_ > 0 ? popularity_ : 0.0) +
         (row.in_stock ? in_stock_ : 0);
}

Xapian::PostingSource* SignalSource::clone() const {
  return new SignalSource(columns_, popularity_, in_stock_);
}

}  // namespace search
