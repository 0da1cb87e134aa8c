"""The nbgrader exercises: course layout, release, and each exercise's checks and rubrics."""
