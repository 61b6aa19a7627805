# AddressSanitizer + UndefinedBehaviorSanitizer for every target when KIOSK_SANITIZE is on.
if(KIOSK_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()
