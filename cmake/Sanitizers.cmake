if(SHOP_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()
if(SHOP_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "SHOP_FUZZ needs clang (libFuzzer)")
  endif()
  # AddressSanitizer only: clang 14's UBSan cannot compile the Asio coroutine
  # code ("Cannot represent a difference across sections"). UBSan runs over
  # the same code in the g++ "asan" preset's tests.
  add_compile_options(-fsanitize=fuzzer-no-link,address -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address)
endif()
if(SHOP_THREAD_SANITIZE)
  # Asio uses atomic_thread_fence, which TSan does not model; g++ warns.
  add_compile_options(-fsanitize=thread -fno-omit-frame-pointer -Wno-tsan)
  add_link_options(-fsanitize=thread)
endif()
