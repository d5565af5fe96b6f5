-- wrk request for bench/emulator: one CodePipeline PollForJobs on the empty queue of the
-- benchmark's custom action type, sent unchanged to the emulator and to the Kestrel baseline.
wrk.method = "POST"
wrk.path = "/"
wrk.headers["X-Amz-Target"] = "CodePipeline_20150709.PollForJobs"
wrk.headers["Content-Type"] = "application/x-amz-json-1.1"
wrk.body = '{"actionTypeId":{"category":"Build","owner":"Custom","provider":"BatonBench","version":"1"},"maxBatchSize":1}'
