#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "images_service.h"
#include "platform/http/client.h"
#include "platform/http/server.h"
#include "platform/storage/filesystem_object_store.h"
#include "platform/testing/api_client.h"
#include "platform/testing/databases.h"
#include "platform/testing/tokens.h"

namespace images::testing {

using platform::testing::expect_problem;
using platform::testing::mode_name;
using platform::testing::Reply;

// The raw answer to a GET of picture bytes.
struct Picture {
  int status = 0;
  platform::http::Headers headers;
  std::string body;
};

// A real images service over real HTTP on SQLite or a fresh PostgreSQL
// database, keeping pictures in a directory; calls are an admin's unless a
// test acts as someone else.
class ImagesTest : public ::testing::TestWithParam<platform::testing::DatabaseBackend>,
                   protected platform::testing::ApiCalls {
 protected:
  void SetUp() override { start({}); }
  void TearDown() override;
  void start(ImagesServiceOptions options);

  // POSTs `bytes` as the body with `content_type`.
  Reply upload(const std::string& bytes, const std::string& content_type = "image/jpeg");
  Picture fetch(const std::string& path, platform::http::Headers headers = {});
  // Every file the store holds, relative to its root.
  std::vector<std::string> stored_files() const;

  platform::testing::TemporaryDirectory directory_;
  std::unique_ptr<platform::testing::FreshDatabase> database_;
  platform::testing::TestIssuer issuer_;
  std::unique_ptr<platform::storage::FilesystemObjectStore> store_;
  std::unique_ptr<platform::metrics::Registry> registry_;
  std::unique_ptr<ImagesService> service_;
  std::unique_ptr<platform::http::Server> server_;
  platform::http::Client raw_client_{{.max_attempts = 1, .max_response_bytes = 64 << 20}};
};

// Pictures made with libvips for the tests: a gradient with a coloured
// block (so crops and colours can be told apart), encoded as asked.
std::string make_picture(int width, int height, const char* suffix, bool alpha = false);
// A JPEG whose EXIF orientation says "rotate 90° clockwise to view".
std::string make_rotated_jpeg(int stored_width, int stored_height);
// A PNG that announces width x height: a valid header and the start of its
// pixel data; decoding it would take width * height * 3 bytes.
std::string make_png_bomb(int width, int height);
// Width and height of a picture, read by libvips.
std::pair<int, int> size_of(const std::string& picture);

}  // namespace images::testing
