#pragma once

#include <xapian.h>

#include <memory>

#include "index/product_columns.h"

namespace search {

// Popularity and stock as a ranking weight, read from the columns: every
// document has one, `popularity` for the most popular product (log scale)
// plus `in_stock` for one in stock. Used only beside the words
// (OP_AND_MAYBE), so only matching documents are asked.
class SignalSource final : public Xapian::PostingSource {
 public:
  SignalSource(std::shared_ptr<const ProductColumns> columns, double popularity, double in_stock);

  void init(const Xapian::Database& database) override;
  void next(double minimum_weight) override;
  void skip_to(Xapian::docid document, double minimum_weight) override;
  bool check(Xapian::docid document, double minimum_weight) override;
  bool at_end() const override;
  Xapian::docid get_docid() const override { return document_; }
  double get_weight() const override;
  Xapian::doccount get_termfreq_min() const override { return documents_; }
  Xapian::doccount get_termfreq_est() const override { return documents_; }
  Xapian::doccount get_termfreq_max() const override { return documents_; }
  Xapian::PostingSource* clone() const override;

 private:
  std::shared_ptr<const ProductColumns> columns_;
  double popularity_;
  double in_stock_;
  double popularity_scale_ = 0;
  float largest_ = 0;
  Xapian::docid document_ = 0;
  Xapian::docid last_ = 0;
  Xapian::doccount documents_ = 0;
};

}  // namespace search
