# Warnings for our own targets. KIOSK_WERROR turns them into errors (CI and tools/test do).
function(carers_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
    -Wno-sign-conversion -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Woverloaded-virtual)
  if(KIOSK_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
