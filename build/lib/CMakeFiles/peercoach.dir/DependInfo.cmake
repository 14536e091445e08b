
# Consider dependencies only in project.
set(CMAKE_DEPENDS_IN_PROJECT_ONLY OFF)

# The set of languages for which implicit dependencies are needed:
set(CMAKE_DEPENDS_LANGUAGES
  )

# The set of dependency files which are needed:
set(CMAKE_DEPENDS_DEPENDENCY_FILES
  "/work/main/build/lib/generated/embedded_rules.cc" "lib/CMakeFiles/peercoach.dir/generated/embedded_rules.cc.o" "gcc" "lib/CMakeFiles/peercoach.dir/generated/embedded_rules.cc.o.d"
  "/work/main/lib/src/analyzer.cc" "lib/CMakeFiles/peercoach.dir/src/analyzer.cc.o" "gcc" "lib/CMakeFiles/peercoach.dir/src/analyzer.cc.o.d"
  "/work/main/lib/src/category.cc" "lib/CMakeFiles/peercoach.dir/src/category.cc.o" "gcc" "lib/CMakeFiles/peercoach.dir/src/category.cc.o.d"
  "/work/main/lib/src/detectors/detector_registry.cc" "lib/CMakeFiles/peercoach.dir/src/detectors/detector_registry.cc.o" "gcc" "lib/CMakeFiles/peercoach.dir/src/detectors/detector_registry.cc.o.d"
  "/work/main/lib/src/detectors/narrative.cc" "lib/CMakeFiles/peercoach.dir/src/detectors/narrative.cc.o" "gcc" "lib/CMakeFiles/peercoach.dir/src/detectors/narrative.cc.o.d"
  "/work/main/lib/src/findings/resolve.cc" "lib/CMakeFiles/peercoach.dir/src/findings/resolve.cc.o" "gcc" "lib/CMakeFiles/peercoach.dir/src/findings/resolve.cc.o.d"
  "/work/main/lib/src/match/conditions.cc" "lib/CMakeFiles/peercoach.dir/src/match/conditions.cc.o" "gcc" "lib/CMakeFiles/peercoach.dir/src/match/conditions.cc.o.d"
  "/work/main/lib/src/match/matcher.cc" "lib/CMakeFiles/peercoach.dir/src/match/matcher.cc.o" "gcc" "lib/CMakeFiles/peercoach.dir/src/match/matcher.cc.o.d"
  "/work/main/lib/src/report/json_printer.cc" "lib/CMakeFiles/peercoach.dir/src/report/json_printer.cc.o" "gcc" "lib/CMakeFiles/peercoach.dir/src/report/json_printer.cc.o.d"
  "/work/main/lib/src/report/summary.cc" "lib/CMakeFiles/peercoach.dir/src/report/summary.cc.o" "gcc" "lib/CMakeFiles/peercoach.dir/src/report/summary.cc.o.d"
  "/work/main/lib/src/report/text_printer.cc" "lib/CMakeFiles/peercoach.dir/src/report/text_printer.cc.o" "gcc" "lib/CMakeFiles/peercoach.dir/src/report/text_printer.cc.o.d"
  "/work/main/lib/src/rewrite/rewriter.cc" "lib/CMakeFiles/peercoach.dir/src/rewrite/rewriter.cc.o" "gcc" "lib/CMakeFiles/peercoach.dir/src/rewrite/rewriter.cc.o.d"
  "/work/main/lib/src/rewrite/template.cc" "lib/CMakeFiles/peercoach.dir/src/rewrite/template.cc.o" "gcc" "lib/CMakeFiles/peercoach.dir/src/rewrite/template.cc.o.d"
  "/work/main/lib/src/rules/loader.cc" "lib/CMakeFiles/peercoach.dir/src/rules/loader.cc.o" "gcc" "lib/CMakeFiles/peercoach.dir/src/rules/loader.cc.o.d"
  "/work/main/lib/src/rules/rule_examples.cc" "lib/CMakeFiles/peercoach.dir/src/rules/rule_examples.cc.o" "gcc" "lib/CMakeFiles/peercoach.dir/src/rules/rule_examples.cc.o.d"
  "/work/main/lib/src/rules/rule_set.cc" "lib/CMakeFiles/peercoach.dir/src/rules/rule_set.cc.o" "gcc" "lib/CMakeFiles/peercoach.dir/src/rules/rule_set.cc.o.d"
  "/work/main/lib/src/segmentation/document.cc" "lib/CMakeFiles/peercoach.dir/src/segmentation/document.cc.o" "gcc" "lib/CMakeFiles/peercoach.dir/src/segmentation/document.cc.o.d"
  "/work/main/lib/src/segmentation/lexicon.cc" "lib/CMakeFiles/peercoach.dir/src/segmentation/lexicon.cc.o" "gcc" "lib/CMakeFiles/peercoach.dir/src/segmentation/lexicon.cc.o.d"
  "/work/main/lib/src/status.cc" "lib/CMakeFiles/peercoach.dir/src/status.cc.o" "gcc" "lib/CMakeFiles/peercoach.dir/src/status.cc.o.d"
  "/work/main/lib/src/text/line_index.cc" "lib/CMakeFiles/peercoach.dir/src/text/line_index.cc.o" "gcc" "lib/CMakeFiles/peercoach.dir/src/text/line_index.cc.o.d"
  "/work/main/lib/src/text/match_text.cc" "lib/CMakeFiles/peercoach.dir/src/text/match_text.cc.o" "gcc" "lib/CMakeFiles/peercoach.dir/src/text/match_text.cc.o.d"
  "/work/main/lib/src/text/offset_map.cc" "lib/CMakeFiles/peercoach.dir/src/text/offset_map.cc.o" "gcc" "lib/CMakeFiles/peercoach.dir/src/text/offset_map.cc.o.d"
  "/work/main/lib/src/text/utf8.cc" "lib/CMakeFiles/peercoach.dir/src/text/utf8.cc.o" "gcc" "lib/CMakeFiles/peercoach.dir/src/text/utf8.cc.o.d"
  )

# Targets to which this target links.
set(CMAKE_TARGET_LINKED_INFO_FILES
  )

# Fortran module output directory.
set(CMAKE_Fortran_TARGET_MODULE_DIR "")
